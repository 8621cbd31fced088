/**
 * The forest GEP and carbon-sink accounting engine: plain Java 17 with no framework, so that it can
 * run inside a batch or distributed job. Start at {@link org.gongjian.ecology.engine.GepEngine}.
 */
package org.gongjian.ecology.engine;
