package org.bianmin.infra;

import org.bianmin.queue.QueueUse;
import org.bianmin.store.TableUse;
import org.bianmin.queue.UsesQueues;
import org.bianmin.store.UsesTables;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tables and queues a started function uses. A Lambda's context is lazy: after its function bean is obtained,
 * the singletons that exist are the ones the function needs, and the adapters among them say what they touch.
 * Only existing singletons are asked; looking beans up by type would create the lazy ones and overstate the use.
 */
final class CodeUses {

    private CodeUses() {
    }

    static ResourceAccess of(ConfigurableApplicationContext context, String prefix) {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        ResourceAccess uses = new ResourceAccess();
        for (String name : beans.getSingletonNames()) {
            Object bean = beans.getSingleton(name);
            if (bean instanceof UsesTables adapter) {
                for (TableUse use : adapter.tablesUsed()) {
                    uses.table(use.table().tableName(prefix), use.operations());
                }
            }
            if (bean instanceof UsesQueues adapter) {
                for (QueueUse use : adapter.queuesUsed()) {
                    uses.queue(use.queue().queueName(prefix), use.role());
                }
            }
        }
        return uses;
    }
}
