from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from briefings.document_preferences import (
    MINIMUM_MINUTES,
    ORGANISATION_LOGO,
    ORGANISATION_NAME,
    SIGNATURE_IMAGE,
)
from briefings.vocabulary import Attendance
from exports import certificate_layout
from exports.attendance_certificates import certificates_exporter
from exports.base import ExportError
from exports.cli import write_outcome
from tests.attendance_scenario import Attendee, hold_briefing
from tests.exports.pdf_reading import font_names, pdf_pages


@pytest.fixture
def held(services, clock, make_briefing):
    services.preferences.set(ORGANISATION_NAME, "Wyvernshire County Council")
    return hold_briefing(services, clock, make_briefing)


def single_file(services, briefing_id, **options):
    (export_file,) = certificates_exporter(services, briefing_id, **options).render().files
    return export_file


def test_one_page_per_person_present_or_late(services, held):
    export_file = single_file(services, held.briefing.id)
    assert export_file.filename == "Certificates 2025-10-08 DSL update briefing.pdf"
    pages = pdf_pages(export_file.data)
    issued = services.certificates.of_briefing(held.briefing.id)
    assert len(pages) == len(issued) == 6
    for page in pages:
        assert "Certificate of Attendance" in page
        assert "WYVERNSHIRE COUNTY COUNCIL" in page
        assert "DSL update briefing" in page
        assert "on Wednesday 8 October 2025" in page
        assert "Siobhán O'Donnell" in page
        assert "Facilitator" in page


def test_each_page_states_its_person_and_number(services, held):
    pages = pdf_pages(single_file(services, held.briefing.id).data)
    issued = services.certificates.issue(held.briefing.id).certificates
    for page, certificate in zip(pages, issued, strict=True):
        assert certificate.number in page
        assert "Duration" in page
    zoe = next(p for p in pages if "Zoë Brontë" in p)
    assert "of St Thomas à Becket C of E Primary" in zoe
    assert "Duration 2 hours" in zoe
    assert "2 CPD hours" in zoe
    late = next(p for p in pages if "Ó Súilleabháin" in p)
    assert "Duration 1 hour 30 minutes" in late
    assert "1.5 CPD hours" in late


def test_a_very_long_name_stays_whole(services, held):
    page = next(p for p in pdf_pages(single_file(services, held.briefing.id).data) if "Maximilian" in p)
    assert "Featherstonehaugh-Cholmondeley-Worthington-Smythe" in page.replace("\n", " ")


def test_reissuing_gives_identical_bytes(services, held, clock):
    first = single_file(services, held.briefing.id)
    clock.advance(clock.moment - clock.moment.replace(year=2025, month=1))  # months later
    again = single_file(services, held.briefing.id)
    assert again.data == first.data


def test_separate_files_have_safe_names(services, held, tmp_path):
    outcome = certificates_exporter(services, held.briefing.id, separate=True).render()
    issued = services.certificates.of_briefing(held.briefing.id)
    assert len(outcome.files) == len(issued)
    names = sorted(f.filename for f in outcome.files)
    path_like = next(n for n in names if "etc" in n)
    assert "/" not in path_like
    assert path_like.startswith("Certificate .. ..-..-etc-passwd 2025-")
    assert any(n.startswith("Certificate Zoë Brontë 2025-") for n in names)
    for export_file in outcome.files:
        assert len(pdf_pages(export_file.data)) == 1
    folder = tmp_path / "out"
    written = write_outcome(outcome, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    assert len(written) == len(outcome.files)


def test_the_qr_code_carries_the_number_and_details(services, held, monkeypatch):
    drawn = []
    original = certificate_layout._qr_code
    monkeypatch.setattr(
        certificate_layout,
        "_qr_code",
        lambda canvas, text, *a: drawn.append(text) or original(canvas, text, *a),
    )
    single_file(services, held.briefing.id)
    issued = services.certificates.issue(held.briefing.id).certificates
    assert drawn == [c.payload("Wyvernshire County Council") for c in issued]
    assert all(services.certificates.verify(text).valid for text in drawn)


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_the_printed_qr_code_scans(services, held, tmp_path):
    export_file = single_file(services, held.briefing.id)
    (tmp_path / "c.pdf").write_bytes(export_file.data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(tmp_path / "c.pdf"), str(tmp_path / "p")],
        check=True,
    )
    image = next(tmp_path.glob("p*.png"))
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, check=True
    ).stdout
    first = services.certificates.issue(held.briefing.id).certificates[0]
    assert scanned.strip() == first.payload("Wyvernshire County Council")
    assert services.certificates.verify(scanned).valid


def test_every_font_is_embedded(services, held):
    fonts = font_names(single_file(services, held.briefing.id).data)
    assert fonts
    assert all(fonts.values()), fonts


def test_logo_and_signature_images_are_drawn(services, held, tmp_path):
    logo, signature = tmp_path / "logo.png", tmp_path / "signature.png"
    Image.new("RGB", (300, 100), "navy").save(logo)
    Image.new("RGBA", (400, 120), (0, 0, 0, 0)).save(signature)
    plain = single_file(services, held.briefing.id)
    services.preferences.set_many({ORGANISATION_LOGO: str(logo), SIGNATURE_IMAGE: str(signature)})
    pictured = single_file(services, held.briefing.id)
    images = PdfReader(io.BytesIO(pictured.data)).pages[0].images
    assert len(images) == 2
    assert len(PdfReader(io.BytesIO(plain.data)).pages[0].images) == 0


def test_a_missing_logo_is_refused_before_anything_is_recorded(services, held, tmp_path):
    services.preferences.set(ORGANISATION_LOGO, str(tmp_path / "gone.png"))
    with pytest.raises(ExportError, match=r"The logo .*gone\.png set in preferences cannot be found"):
        certificates_exporter(services, held.briefing.id)
    assert services.certificates.of_briefing(held.briefing.id) == []


def test_a_logo_removed_after_building_is_still_caught(services, held, tmp_path):
    signature = tmp_path / "signature.png"
    Image.new("RGB", (10, 10)).save(signature)
    services.preferences.set(SIGNATURE_IMAGE, str(signature))
    exporter = certificates_exporter(services, held.briefing.id)
    signature.unlink()
    with pytest.raises(ExportError, match="The signature image"):
        exporter.render()


def test_people_left_out_are_reported(services, held):
    outcome = certificates_exporter(services, held.briefing.id).render()
    assert "Una Marked: attendance has not been recorded" in outcome.skipped


def test_nobody_eligible_is_a_clear_error_with_the_reasons(services, clock, make_briefing):
    people = [
        Attendee("Una", "Marked", "A School", attendance=None),
        Attendee("Sam", "Gone", "A School", attendance=None),
    ]
    held = hold_briefing(services, clock, make_briefing, people)
    with pytest.raises(
        ExportError,
        match="Nobody on “DSL update briefing” has earned a certificate yet: Sam Gone: attendance has "
        "not been recorded; Una Marked: attendance has not been recorded",
    ):
        certificates_exporter(services, held.briefing.id).render()


def test_too_few_minutes_for_everyone_is_a_clear_error(services, held):
    services.preferences.set(MINIMUM_MINUTES, 600)
    with pytest.raises(ExportError, match="a certificate needs 600"):
        certificates_exporter(services, held.briefing.id).render()


def test_nobody_marked_present_says_so(services, clock, make_briefing):
    absent = [Attendee("Abe", "Sent", "A School", attendance=Attendance.ABSENT)]
    held = hold_briefing(services, clock, make_briefing, absent)
    with pytest.raises(ExportError, match="Nobody on “DSL update briefing” was marked present or late"):
        certificates_exporter(services, held.briefing.id).render()


def test_progress_is_reported_per_certificate(services, held):
    ticks = []
    certificates_exporter(services, held.briefing.id, separate=True).render(
        lambda d, t: ticks.append((d, t)) or True
    )
    assert ticks == [(n, 6) for n in range(1, 7)]


def test_the_pages_are_a4_landscape(services, held):
    box = PdfReader(io.BytesIO(single_file(services, held.briefing.id).data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
