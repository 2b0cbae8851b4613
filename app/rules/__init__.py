"""Pure functions: Vietnamese text, validation rules. No Qt, no I/O."""
