package dev.pyroom.identity.boundary;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import java.util.Set;
import org.glassfish.soteria.mechanisms.openid.controller.TokenController;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdConfiguration;

/**
 * Makes the server's OpenID Connect token controller a {@link SharedClientTokenController}. The controller is the
 * server's own bean, which an alternative in the application cannot replace, so the application takes over how its
 * instance is made and keeps the server's injection of it.
 */
public class TokenClientSharing implements Extension {

    void shareOneClient(@Observes ProcessInjectionTarget<TokenController> event, BeanManager beans) {
        event.setInjectionTarget(new SharedClientTarget(event.getInjectionTarget(), beans));
    }

    private record SharedClientTarget(InjectionTarget<TokenController> server, BeanManager beans)
            implements InjectionTarget<TokenController> {

        @Override
        public TokenController produce(CreationalContext<TokenController> context) {
            return new SharedClientTokenController(beans.createInstance().select(OpenIdConfiguration.class));
        }

        @Override
        public void inject(TokenController instance, CreationalContext<TokenController> context) {
            server.inject(instance, context);
        }

        @Override
        public void postConstruct(TokenController instance) {
            server.postConstruct(instance);
        }

        @Override
        public void preDestroy(TokenController instance) {
            server.preDestroy(instance);
            ((SharedClientTokenController) instance).close();
        }

        @Override
        public void dispose(TokenController instance) {
            server.dispose(instance);
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return server.getInjectionPoints();
        }
    }
}
