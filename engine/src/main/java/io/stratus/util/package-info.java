/** Small helpers shared by the engine and its users, with no simulation state. */
package io.stratus.util;
