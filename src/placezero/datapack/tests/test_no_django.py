"""The data pack code is a library: building and reading a pack never imports Django."""

from __future__ import annotations

import subprocess
import sys


def test_building_and_reading_packs_does_not_import_django() -> None:
    code = (
        "import sys\n"
        "import placezero.datapack.build, placezero.datapack.reader\n"
        "placezero.datapack.reader.read_pack('rutland')\n"
        "print('django' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
