package org.bianmin.store;

import java.util.List;

/**
 * Implemented by every adapter that talks to DynamoDB. A Lambda's Spring context is lazy, so the adapters it
 * instantiated are exactly the ones its function needs; their uses are what the function's policy may grant.
 */
public interface UsesTables {

    List<TableUse> tablesUsed();
}
