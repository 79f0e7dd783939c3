"""The frozen `tarjama` executable's script: the same entry point as the installed `tarjama` command."""

import sys

from tarjama.ui.shell.app import main

sys.exit(main())
