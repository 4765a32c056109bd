package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.sync.SettledTensors;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.verify.checks.PublishedOutputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The comparison rule of a bundle's tensor files: exact bits in the file's own type, after the node's conversion. */
class BundleTensorCheckTest {

    private final ObjectMapper json = new ObjectMapper();
    private final long[] shape = {1, 2};

    @Test
    @DisplayName("a stored (float64) claim equals the blob's decimals read as the nearest double, not the float widened")
    void storedClaimIsTheNearestDouble() throws Exception {
        JsonNode output = json.readTree("[{\"name\":\"p\",\"shape\":[1,2],\"result\":[0.8060076,-0.0],\"type\":\"float\"}]");
        Tensor settled = new SettledTensors().blobOutputs(output).getFirst();
        assertEquals(DType.DOUBLE, settled.type());
        assertNull(BundleTensorCheck.difference(Tensor.ofDoubles("p", shape, new double[] {0.8060076, -0.0}), settled));
        assertEquals("element 0 is 0.8060076 settled, 0.8060076236724854 in the file", BundleTensorCheck.difference(
                Tensor.ofDoubles("p", shape, new double[] {0.8060076f, -0.0}), settled));
        assertEquals("element 1 is -0.0 settled, 0.0 in the file", BundleTensorCheck.difference(
                Tensor.ofDoubles("p", shape, new double[] {0.8060076, 0.0}), settled));
    }

    @Test
    @DisplayName("a claim read by re-execution (float32) equals the decimal rounded to double, then to float")
    void reexecutionClaimIsFloat() throws Exception {
        JsonNode output = json.readTree("[{\"name\":\"p\",\"shape\":[1,2],\"result\":[0.8060076,1],\"type\":\"float\"}]");
        Tensor settled = PublishedOutputs.read(output, name -> DType.FLOAT).getFirst();
        assertNull(BundleTensorCheck.difference(Tensor.ofFloats("p", shape, new float[] {0.8060076f, 1f}), settled));
        assertEquals("is FLOAT settled, DOUBLE in the file", BundleTensorCheck.difference(
                Tensor.ofDoubles("p", shape, new double[] {0.8060076f, 1}), settled));
        assertEquals("element 1 is 1.0 settled, 1.0000001 in the file", BundleTensorCheck.difference(
                Tensor.ofFloats("p", shape, new float[] {0.8060076f, Math.nextUp(1f)}), settled));
    }

    @Test
    @DisplayName("names, shapes, integers and strings are compared exactly too")
    void otherDifferences() {
        Tensor ints = Tensor.ofLongs("n", shape, new long[] {1L << 60, 7});
        assertEquals("is named 'm' in the file", BundleTensorCheck.difference(Tensor.ofLongs("m", shape, new long[] {
            1L << 60, 7}), ints));
        assertEquals("has shape [1, 2] settled, [2] in the file", BundleTensorCheck.difference(
                Tensor.ofLongs("n", new long[] {2}, new long[] {1L << 60, 7}), ints));
        assertEquals("element 0 is 1152921504606846976 settled, 1152921504606846977 in the file",
                BundleTensorCheck.difference(Tensor.ofLongs("n", shape, new long[] {(1L << 60) + 1, 7}), ints));
        Tensor text = Tensor.ofStrings("s", new long[] {2}, List.of("0.8120", "1"));
        assertEquals("element 0 is \"0.8120\" settled, \"0.812\" in the file", BundleTensorCheck.difference(
                Tensor.ofStrings("s", new long[] {2}, List.of("0.812", "1")), text));
    }
}
