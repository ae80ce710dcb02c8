"""The demo county: a realistic, deterministic Wyvernshire to explore the app (and to benchmark it).

``services.demo.load()`` and ``briefing-desk demo`` fill an empty database; ``generate_demo`` in
``briefings.demo.generator`` does the work inside a caller's transaction, at any ``DemoScale``.
Name lists live in ``names``, ``places`` and ``programme_items``; each step has its own module.
"""
