/**
 * Hardened file and stream access: the one writer for every file spdoctor writes
 * ({@link SafeFiles}), bounded reads of every file it reads ({@link BoundedFiles}), and
 * standard output checked for failed writes ({@link OutputFailure}).
 */
package dev.spdoctor.io;
