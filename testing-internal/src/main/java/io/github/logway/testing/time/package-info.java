/** Time sources that tests control. */
package io.github.logway.testing.time;
