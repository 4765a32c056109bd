package io.proofdesk.ui.common;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/** The two looks. Each theme file only overrides tokens; components are styled once in app.css. */
public enum Theme {
    LIGHT("/io/proofdesk/ui/css/light.css"),
    DARK("/io/proofdesk/ui/css/dark.css");

    private static final String TOKENS = "/io/proofdesk/ui/css/tokens.css";
    private static final String COMPONENTS = "/io/proofdesk/ui/css/app.css";

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** Tokens, then this theme's overrides, then the components that use them: the order matters. */
    public List<String> stylesheets() {
        return List.of(external(TOKENS), external(stylesheet), external(COMPONENTS));
    }

    public String themeStylesheet() {
        return external(stylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String external(String resource) {
        URL url = Objects.requireNonNull(Theme.class.getResource(resource), () -> "missing stylesheet " + resource);
        return url.toExternalForm();
    }
}
