/** The embedded demo network: a real chain (anvil), hub, stores and TEE nodes on 127.0.0.1. */
package io.proofdesk.devnet;
