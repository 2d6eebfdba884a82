package dev.pyroom;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The war exactly as the build produced it, deployed at the root context like in production. */
public final class PyroomWar {

    private PyroomWar() {}

    public static WebArchive asBuilt() {
        File war = new File(System.getProperty("pyroom.war", "target/pyroom.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The built war plus a library whose configuration overrides the given keys, environment included; every other
     * key keeps the war's own value.
     */
    public static WebArchive withConfig(String... keyValueLines) {
        String properties = "config_ordinal=500\n" + String.join("\n", keyValueLines) + "\n";
        JavaArchive overrides = ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        return asBuilt().addAsLibrary(overrides);
    }
}
