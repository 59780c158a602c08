package org.camelkmp.tool;

/** Placeholder. */
public final class KmpTool {
  public static void main(String[] args) {}
}
