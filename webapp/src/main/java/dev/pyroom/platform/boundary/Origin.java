package dev.pyroom.platform.boundary;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin as browsers compare them: scheme, host and port, case-insensitive, with the scheme's default port
 * filled in ({@code https://Pyroom.example} equals {@code https://pyroom.example:443}).
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (port < 0) {
            port = "https".equals(scheme) ? 443 : 80;
        }
    }

    /**
     * The origin of a URL, an {@code Origin} header or a {@code Referer}: empty when it names none, as {@code null}
     * (the origin of sandboxed frames and files) does, or when it is not an http(s) URL.
     */
    public static Optional<Origin> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return Optional.empty();
            }
            return Optional.of(new Origin(scheme, uri.getHost(), uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The origin a request was addressed to, from the scheme it came in with (or the first {@code X-Forwarded-Proto}
     * a proxy set) and its {@code Host} (or {@code X-Forwarded-Host}) header.
     */
    public static Optional<Origin> addressed(String requestScheme, String forwardedProto, String host) {
        String scheme = firstOf(forwardedProto).orElse(requestScheme);
        return firstOf(host).flatMap(name -> parse(scheme + "://" + name));
    }

    /** Whether the request reached Pyroom, or the proxy in front of it, over TLS. */
    public static boolean overTls(boolean secure, String forwardedProto) {
        return secure
                || firstOf(forwardedProto).filter("https"::equalsIgnoreCase).isPresent();
    }

    /** The first of a proxy header's comma-separated values, the one the first proxy saw. */
    private static Optional<String> firstOf(String header) {
        return header == null
                ? Optional.empty()
                : Optional.of(header.split(",", 2)[0].strip()).filter(value -> !value.isEmpty());
    }
}
