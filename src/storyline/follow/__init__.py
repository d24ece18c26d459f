"""Live stories: follow RSS/Atom feeds, fetch new articles politely and add them to their stories."""
