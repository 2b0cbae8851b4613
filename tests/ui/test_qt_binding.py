"""Guards against known defects of the Qt binding that the version range in pyproject.toml avoids."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal(int)


def test_emitting_a_signal_keeps_the_reference_count_of_true():
    # PySide6 6.12.0 released one reference to True on every emit() made from Python; after enough
    # emits the interpreter aborts with "bool_dealloc: deallocating True or False".
    emitter = Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(1000):
        emitter.fired.emit(number)
    assert len(received) == 1000
    # A reference or two may come and go elsewhere; the defect loses one per emit (here 1000).
    assert abs(sys.getrefcount(True) - before) < 10
