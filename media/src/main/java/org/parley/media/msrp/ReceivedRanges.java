package org.parley.media.msrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The byte ranges of one message seen so far (1-based, inclusive), merged as they arrive; chunks in
 * order keep this at one entry. Not thread-safe: owned by one thread or guarded by its owner.
 */
public final class ReceivedRanges {
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private long covered;

  /** Adds bytes {@code first..last}; an empty range ({@code last < first}) is ignored. */
  public void add(long first, long last) {
    if (last < first) {
      return;
    }
    long start = first;
    long end = last;
    Map.Entry<Long, Long> before = ranges.floorEntry(start);
    if (before != null && before.getValue() >= start - 1) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
      covered -= before.getValue() - before.getKey() + 1;
      ranges.remove(before.getKey());
    }
    for (Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        next != null && next.getKey() <= end + 1; next = ranges.ceilingEntry(start)) {
      end = Math.max(end, next.getValue());
      covered -= next.getValue() - next.getKey() + 1;
      ranges.remove(next.getKey());
    }
    ranges.put(start, end);
    covered += end - start + 1;
  }

  /** How many distinct bytes were added. */
  public long covered() {
    return covered;
  }

  /** True when every byte of {@code first..last} was added. */
  public boolean covers(long first, long last) {
    if (last < first) {
      return true;
    }
    Map.Entry<Long, Long> entry = ranges.floorEntry(first);
    return entry != null && entry.getValue() >= last;
  }

  /** The merged ranges in order, as {@code {first, last}} pairs. */
  public List<long[]> ranges() {
    List<long[]> out = new ArrayList<>(ranges.size());
    ranges.forEach((first, last) -> out.add(new long[] {first, last}));
    return out;
  }
}
