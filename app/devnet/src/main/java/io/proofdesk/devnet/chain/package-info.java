/** Talking to the demo chain as its operator: dev accounts, transaction sending, contract deployment. */
package io.proofdesk.devnet.chain;
