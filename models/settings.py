"""Education settings (schools, nurseries, PRUs...) as GIAS describes them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Phase, SettingStatus


class Setting(Base):
    """An education setting; the URN is unique where there is one."""

    __tablename__ = "settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    urn: Mapped[int | None] = mapped_column(Integer, unique=True)
    laestab: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    establishment_type: Mapped[str | None] = mapped_column(String(120))
    phase: Mapped[Phase] = mapped_column(str_enum(Phase), default=Phase.OTHER)
    la_code: Mapped[str | None] = mapped_column(String(8))
    la_name: Mapped[str | None] = mapped_column(String(120))
    district: Mapped[str | None] = mapped_column(String(120))
    area: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[SettingStatus] = mapped_column(str_enum(SettingStatus), default=SettingStatus.OPEN)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # A closed setting that carries on under another URN (academy conversion, amalgamation)
    # points at its successor, so bookings and training recorded under the old URN still count.
    successor_id: Mapped[int | None] = mapped_column(
        ForeignKey("settings.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        Index("ix_settings_district_phase", "district", "phase"),
        Index("ix_settings_name", "name"),
    )

    @property
    def is_open(self) -> bool:
        """Whether the setting is open now."""
        return self.status is SettingStatus.OPEN

    def __repr__(self) -> str:
        return f"<Setting {self.id} urn={self.urn} {self.name!r}>"
