/**
 * Load balancing: the endpoint in front of a group of instances, and how it routes requests
 * over the instances registered with it.
 */
package io.stratus.lb;
