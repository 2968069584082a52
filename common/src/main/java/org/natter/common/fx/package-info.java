/**
 * The JavaFX helpers both apps share: window placement, batching and coalescing for the FX thread, the theme and
 * the resource-bundle texts. The only package of {@code common} that may use JavaFX (an optional dependency of
 * the module), and it knows nothing of the server or the client.
 */
package org.natter.common.fx;
