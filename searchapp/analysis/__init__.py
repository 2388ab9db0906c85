"""Thai-aware analysis: normalization with offsets, segmentation, Whoosh analyzers."""

from .normalize import Normalized, normalize
from .segment import Analysis, Token, analyze

__all__ = ["Analysis", "Normalized", "Token", "analyze", "normalize"]
