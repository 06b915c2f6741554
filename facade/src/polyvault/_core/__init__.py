"""polyvault's shared machinery: one pipeline, one retry loop, one error mapper, one redaction rule."""
