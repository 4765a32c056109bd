/** Finding, starting and stopping the demo network's EVM node (anvil from npm @foundry-rs/anvil). */
package io.proofdesk.devnet.anvil;
