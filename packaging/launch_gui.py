"""The frozen `tarjama` executable's script: the same entry point as the installed `tarjama` command."""

import multiprocessing
import sys

from tarjama.ui.shell.app import main

# A large TMX import reads the file in a second process (tarjama.memory.tmx_loading); a frozen executable is
# started again as that process, and this hands it its work.
multiprocessing.freeze_support()
sys.exit(main())
