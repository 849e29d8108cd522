/** Internal: the SHA-256 helper shared by every capability. Not part of the public API. */
package vn.schoolguard.internal.hash;
