import sys

from placezero.cli import main

sys.exit(main())
