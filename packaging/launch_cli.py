"""The frozen `tarjama-cli` executable's script: the same entry point as the installed `tarjama-cli` command."""

import sys

from tarjama.cli import main

sys.exit(main())
