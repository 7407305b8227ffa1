"""``python -m govdisclosure``: the command-line interface."""

from govdisclosure.cli import main

raise SystemExit(main())
