"""The Qt-free core: readers, model, linker and exports. Never imports PySide6."""
