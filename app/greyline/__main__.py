"""Allow ``python -m greyline``."""

from greyline.cli import main

raise SystemExit(main())
