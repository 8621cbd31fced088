package org.gongjian.programme.web;

import java.time.LocalDate;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Programme;
import org.gongjian.programme.StatusLights;
import org.gongjian.programme.StatusLights.Lights;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The computed status for the pages, asked for once per request: the whole programme for the dashboard and
 * the start page, one initiative (with planned paths and forecasts) for its page. Without a provider of
 * {@link StatusLights} the pages show declared stages and progress only.
 */
@Component
class Lighting {

    private final ObjectProvider<StatusLights> provider;

    Lighting(ObjectProvider<StatusLights> provider) {
        this.provider = provider;
    }

    Lights programme(Programme programme, LocalDate asOf) {
        StatusLights lights = provider.getIfAvailable();
        return lights == null ? Lights.none(asOf) : lights.programme(programme.code(), asOf);
    }

    Lights initiative(Programme programme, Initiative initiative, LocalDate asOf) {
        StatusLights lights = provider.getIfAvailable();
        return lights == null ? Lights.none(asOf) : lights.initiative(programme.code(), initiative.id(), asOf);
    }
}
