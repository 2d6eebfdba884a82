package dev.pyroom.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Pyroom's REST resources live under {@code /api}, clear of the server's own {@code /health} and {@code /metrics}. */
@ApplicationPath("/api")
public class PyroomApi extends Application {}
