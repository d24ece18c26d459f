"""The app's views, one module per page family: stories list, story, documents, exports."""
