import sys

from .interrupt import install  # a few lines, stdlib only: Ctrl-C is exit 130 from here on, even during imports

install()

from .cli import main  # noqa: E402

sys.exit(main())
