"""Output formats. Each module renders an `ArticleAudit` it is given and never runs a detector."""
