"""Allow ``python -m greyline``."""

if __name__ == "__main__":
    from greyline.cli import main

    raise SystemExit(main())
