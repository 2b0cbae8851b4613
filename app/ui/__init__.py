"""The PySide6 desktop interface: pages, dialogs and thin Qt models that call app.services only."""
