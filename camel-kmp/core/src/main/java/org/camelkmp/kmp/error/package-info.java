/**
 * The KMP exception hierarchy: one unchecked type per kind of failure, rooted at {@link
 * org.camelkmp.kmp.error.KmpException}.
 */
package org.camelkmp.kmp.error;
