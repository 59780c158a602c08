/**
 * Register values: the exact SiEx number codec, the unit and register catalogues, and {@link
 * org.camelkmp.kmp.value.RegisterValue} with typed views for clock, date, date-time and text units.
 */
package org.camelkmp.kmp.value;
