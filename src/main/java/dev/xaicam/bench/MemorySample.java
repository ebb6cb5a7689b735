package dev.xaicam.bench;

/**
 * Memory at one moment.
 *
 * @param rssBytes resident set (native and heap); -1 if unknown
 * @param heapUsedBytes Java heap in use after a full collection
 * @param liveTensors native tensors alive
 * @param openScopes native tensor scopes open
 */
public record MemorySample(long rssBytes, long heapUsedBytes, int liveTensors, int openScopes) {}
