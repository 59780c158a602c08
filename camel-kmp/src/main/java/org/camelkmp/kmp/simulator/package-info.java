/**
 * A simulated Kamstrup meter for tests, demos and development without hardware.
 *
 * <p>{@link org.camelkmp.kmp.simulator.SimulatedMeter} behaves like a MULTICAL 403 heat meter by
 * default: it answers every publicly known KMP command by the meter's rules, its registers follow a
 * deterministic heat load (energy and volume integrate power and flow over the injected {@link
 * java.time.Clock}), and it keeps an hourly and a daily log. {@link
 * org.camelkmp.kmp.simulator.MeterConfig} configures it from code or from a properties file; {@link
 * org.camelkmp.kmp.simulator.FaultPlan} makes it misbehave on purpose.
 */
package org.camelkmp.kmp.simulator;
