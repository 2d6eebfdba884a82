package dev.pyroom.platform.boundary;

import dev.pyroom.platform.control.DatabaseOutage;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIMessages;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A page's AJAX request (the editor's save, a form's button, a poll) that the database cannot serve. Left to
 * PrimeFaces, it would send the browser to the error page, taking the student away from an editor whose text was
 * not saved. Instead:
 *
 * <ul>
 *   <li>failing in its action, it is answered like a refused form: only the page's messages are rendered, showing
 *       {@link DatabaseUnavailable#MESSAGE}, and validation counts as failed, so the editor says "Not saved";
 *   <li>failing while rendering (a poll whose table reads the database), or before its page was restored, it goes
 *       on to {@link DatabaseUnavailableFilter}, which answers 503: the page stays as it is.
 * </ul>
 *
 * Whole pages go to the filter's 503 page as before.
 */
public class DatabaseUnavailableExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableExceptionHandler.class.getName());

    DatabaseUnavailableExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getPartialViewContext().isAjaxRequest()) {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (DatabaseOutage.causedBy(failure)) {
                    events.remove();
                    if (context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE || context.getViewRoot() == null) {
                        throw new FacesException(failure);
                    }
                    refuseLikeAForm(context);
                }
            }
        }
        super.handle();
    }

    private static void refuseLikeAForm(FacesContext context) {
        LOG.warning("Database unavailable: an AJAX request was refused");
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, DatabaseUnavailable.MESSAGE, null));
        context.validationFailed();
        // What the request meant to update may need the database too: render only where the message shows.
        Collection<String> renderIds = context.getPartialViewContext().getRenderIds();
        renderIds.clear();
        context.getViewRoot()
                .visitTree(
                        VisitContext.createVisitContext(context, null, EnumSet.of(VisitHint.SKIP_ITERATION)),
                        (visit, component) -> {
                            if (component instanceof UIMessages) {
                                renderIds.add(component.getClientId(visit.getFacesContext()));
                            }
                            return VisitResult.ACCEPT;
                        });
        context.renderResponse();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new DatabaseUnavailableExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
