"""The audit trail's storage: the hash chain, the recorder that turns every change into an event."""
