# PyTorch activations on literal tensors. Select a tensor's list (or put the cursor in a call) and run
# "Activation Lens: Plot Selection", or hover a call to see its chart.
import torch
import torch.nn.functional as F

x = torch.tensor([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0])

gelu_out = F.gelu(torch.tensor([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]))
print(gelu_out)
# tensor([-0.0040, -0.0455, -0.1587,  0.0000,  0.8413,  1.9545,  2.9960])

sigmoid_out = torch.sigmoid(torch.tensor([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]))
print(sigmoid_out)
# tensor([0.0474, 0.1192, 0.2689, 0.5000, 0.7311, 0.8808, 0.9526])

leaky_out = F.leaky_relu(torch.tensor([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]), negative_slope=0.1)
print(leaky_out)
# tensor([-0.3000, -0.2000, -0.1000,  0.0000,  1.0000,  2.0000,  3.0000])
