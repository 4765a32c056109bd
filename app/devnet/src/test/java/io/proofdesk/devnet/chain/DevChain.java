package io.proofdesk.devnet.chain;

import io.proofdesk.devnet.anvil.AnvilLocator;
import io.proofdesk.devnet.anvil.AnvilOptions;
import io.proofdesk.devnet.anvil.AnvilProcess;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Test fixture: a fresh anvil with the demo contracts deployed by dev account #0. */
final class DevChain implements AutoCloseable {
    final AnvilProcess anvil;
    final ChainSession session;
    final DevnetContracts contracts;

    DevChain(Path workDir) {
        anvil = AnvilProcess.start(AnvilOptions.defaults(AnvilLocator.fromEnvironment().locate(), workDir));
        session = ChainSession.connect(anvil.rpcUrl(), anvil.chainId(), DevAccounts.deployer());
        contracts = new ChainDeployer(session).deployAll();
    }

    /** The logs of one event from one contract in the receipt's block, fetched with eth_getLogs. */
    List<Log> logs(String address, Event event, TransactionReceipt receipt) throws IOException {
        DefaultBlockParameter block = DefaultBlockParameter.valueOf(receipt.getBlockNumber());
        EthFilter filter = new EthFilter(block, block, address).addSingleTopic(EventEncoder.encode(event));
        EthLog response = session.web3j().ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException(response.getError().getMessage());
        }
        return response.getLogs().stream().map(r -> (Log) r.get())
                .filter(l -> l.getTransactionHash().equals(receipt.getTransactionHash())).toList();
    }

    BigInteger latestTimestamp() throws IOException {
        return session.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                .send().getBlock().getTimestamp();
    }

    @Override
    public void close() {
        session.close();
        anvil.close();
    }
}
