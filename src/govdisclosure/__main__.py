"""``python -m govdisclosure``: the command-line interface."""

from govdisclosure.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
