"""``python -m chronique COMMAND``: the ``chronique`` command without its installed script."""

import sys

from chronique.cli.main import main

sys.exit(main())
