/**
 * Internal: many sites in one deployment — which site a host name belongs to, and each site's overlay on the shared
 * settings (in the main settings as {@code site.<key>.*} or one file per site in {@code sites.dir}). Plain Java; not
 * part of the public API.
 */
package vn.schoolguard.internal.site;
