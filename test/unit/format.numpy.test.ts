// NumPy printing: `str(ndarray)` / `repr(ndarray)` exactly as NumPy 2.4 prints them.
//
// NUMPY_CASES below is ground truth produced by NumPy 2.4.6 itself (default print options), with
//   vals = ', '.join('NaN' if x != x else repr(float(x)) ... for x in a.ravel())   # exact float64 text
//   print(str(a)); print(repr(a))
// for arrays built as `np.array(…, dtype)` (float32 values are listed as their exact float64 value, so
// Math.fround gives the same float32). Long generated arrays use `range(n, f)` with the same formula
// (float32 products/quotients of float32 operands are correctly rounded by Math.fround in one step).
// The reference §7.1 table rows are additionally spelled out literally below.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatArray,
  formatArrayRepr,
  formatArrayWith,
  formatScalar,
  numpyScalarStr,
  numpyStr,
} from '../../src/core/format';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

interface NumpyCase {
  name: string;
  values: readonly number[];
  shape: number[];
  dtype: 'float32' | 'float64';
  str: string;
  repr: string;
}

function range(n: number, f: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

export const NUMPY_CASES: readonly NumpyCase[] = [
  {
    name: 'x = [-3..3] f32',
    values: [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0],
    shape: [7],
    dtype: 'float32',
    str: '[-3. -2. -1.  0.  1.  2.  3.]',
    repr: 'array([-3., -2., -1.,  0.,  1.,  2.,  3.], dtype=float32)',
  },
  {
    name: 'sigmoid f32 (reference)',
    values: [
      0.04742586985230446, 0.11920291930437088, 0.2689414322376251, 0.5, 0.7310585975646973,
      0.8807970881462097, 0.9525741338729858,
    ],
    shape: [7],
    dtype: 'float32',
    str: '[0.04742587 0.11920292 0.26894143 0.5        0.7310586  0.8807971\n 0.95257413]',
    repr: 'array([0.04742587, 0.11920292, 0.26894143, 0.5       , 0.7310586 ,\n       0.8807971 , 0.95257413], dtype=float32)',
  },
  {
    name: 'tanh f32 (reference)',
    values: [
      -0.9950547814369202, -0.9640275835990906, -0.7615941762924194, 0.0, 0.7615941762924194,
      0.9640275835990906, 0.9950547814369202,
    ],
    shape: [7],
    dtype: 'float32',
    str: '[-0.9950548 -0.9640276 -0.7615942  0.         0.7615942  0.9640276\n  0.9950548]',
    repr: 'array([-0.9950548, -0.9640276, -0.7615942,  0.       ,  0.7615942,\n        0.9640276,  0.9950548], dtype=float32)',
  },
  {
    name: '[1e-5, 1, 3] f64',
    values: [1e-5, 1.0, 3.0],
    shape: [3],
    dtype: 'float64',
    str: '[1.e-05 1.e+00 3.e+00]',
    repr: 'array([1.e-05, 1.e+00, 3.e+00])',
  },
  {
    name: '[-0., 0., 1.]',
    values: [-0, 0.0, 1.0],
    shape: [3],
    dtype: 'float64',
    str: '[-0.  0.  1.]',
    repr: 'array([-0.,  0.,  1.])',
  },
  {
    name: '[nan, inf, -inf, 1.5]',
    values: [NaN, Infinity, -Infinity, 1.5],
    shape: [4],
    dtype: 'float64',
    str: '[ nan  inf -inf  1.5]',
    repr: 'array([ nan,  inf, -inf,  1.5])',
  },
  {
    name: 'ratio exactly 1000',
    values: [1.5, 1500.0],
    shape: [2],
    dtype: 'float64',
    str: '[   1.5 1500. ]',
    repr: 'array([   1.5, 1500. ])',
  },
  {
    name: 'ratio above 1000',
    values: [1.5, 1501.0],
    shape: [2],
    dtype: 'float64',
    str: '[1.500e+00 1.501e+03]',
    repr: 'array([1.500e+00, 1.501e+03])',
  },
  {
    name: 'float32 cut-off 1e6',
    values: [999999.0, 1000000.0],
    shape: [2],
    dtype: 'float32',
    str: '[9.99999e+05 1.00000e+06]',
    repr: 'array([9.99999e+05, 1.00000e+06], dtype=float32)',
  },
  {
    name: 'float64 below 1e8 cut-off',
    values: [999999.0, 1000000.0],
    shape: [2],
    dtype: 'float64',
    str: '[ 999999. 1000000.]',
    repr: 'array([ 999999., 1000000.])',
  },
  {
    name: 'float64 at 1e8 cut-off',
    values: [1.0, 99999999.0, 100000000.0],
    shape: [3],
    dtype: 'float64',
    str: '[1.0000000e+00 9.9999999e+07 1.0000000e+08]',
    repr: 'array([1.0000000e+00, 9.9999999e+07, 1.0000000e+08])',
  },
  {
    name: 'float32 ratio in float32',
    values: [1.0000001192092896, 1000.0001220703125],
    shape: [2],
    dtype: 'float32',
    str: '[   1.0000001 1000.0001   ]',
    repr: 'array([   1.0000001, 1000.0001   ], dtype=float32)',
  },
  {
    name: 'float32 min vs fround(1e-4)',
    values: [9.999999747378752e-5, 0.00011000000085914508],
    shape: [2],
    dtype: 'float32',
    str: '[0.0001  0.00011]',
    repr: 'array([0.0001 , 0.00011], dtype=float32)',
  },
  {
    name: 'float64 min < 1e-4',
    values: [9.9999e-5, 1.0],
    shape: [2],
    dtype: 'float64',
    str: '[9.9999e-05 1.0000e+00]',
    repr: 'array([9.9999e-05, 1.0000e+00])',
  },
  {
    name: '9-digit float32 cut to 8 decimals',
    values: [0.0012345670256763697, 0.5],
    shape: [2],
    dtype: 'float32',
    str: '[0.00123457 0.5       ]',
    repr: 'array([0.00123457, 0.5       ], dtype=float32)',
  },
  {
    name: 'all nan',
    values: [NaN, NaN],
    shape: [2],
    dtype: 'float64',
    str: '[nan nan]',
    repr: 'array([nan, nan])',
  },
  {
    name: 'nan and -inf only',
    values: [NaN, -Infinity],
    shape: [2],
    dtype: 'float64',
    str: '[ nan -inf]',
    repr: 'array([ nan, -inf])',
  },
  {
    name: 'exponent of 3 digits',
    values: [1e100, 1.0],
    shape: [2],
    dtype: 'float64',
    str: '[1.e+100 1.e+000]',
    repr: 'array([1.e+100, 1.e+000])',
  },
  {
    name: 'negative sci',
    values: [-1.5e-7, 2.25, -300000.0],
    shape: [3],
    dtype: 'float64',
    str: '[-1.50e-07  2.25e+00 -3.00e+05]',
    repr: 'array([-1.50e-07,  2.25e+00, -3.00e+05])',
  },
  {
    name: 'float32 1.1*i wraps',
    values: range(30, (i) => Math.fround(i * Math.fround(1.1))),
    shape: [30],
    dtype: 'float32',
    str: '[ 0.         1.1        2.2        3.3000002  4.4        5.5\n  6.6000004  7.7000003  8.8        9.900001  11.        12.1\n 13.200001  14.3       15.400001  16.5       17.6       18.7\n 19.800001  20.9       22.        23.1       24.2       25.300001\n 26.400002  27.5       28.6       29.7       30.800001  31.900002 ]',
    repr: 'array([ 0.       ,  1.1      ,  2.2      ,  3.3000002,  4.4      ,\n        5.5      ,  6.6000004,  7.7000003,  8.8      ,  9.900001 ,\n       11.       , 12.1      , 13.200001 , 14.3      , 15.400001 ,\n       16.5      , 17.6      , 18.7      , 19.800001 , 20.9      ,\n       22.       , 23.1      , 24.2      , 25.300001 , 26.400002 ,\n       27.5      , 28.6      , 29.7      , 30.800001 , 31.900002 ],\n      dtype=float32)',
  },
  {
    name: '2-D',
    values: [1.0, 2.0, 3.0, 4.0],
    shape: [2, 2],
    dtype: 'float32',
    str: '[[1. 2.]\n [3. 4.]]',
    repr: 'array([[1., 2.],\n       [3., 4.]], dtype=float32)',
  },
  {
    name: '2-D wide rows wrap',
    values: range(24, (i) => i / 7),
    shape: [2, 12],
    dtype: 'float64',
    str: '[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n  0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857]\n [1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n  2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429]]',
    repr: 'array([[0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n        0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n        1.42857143, 1.57142857],\n       [1.71428571, 1.85714286, 2.        , 2.14285714, 2.28571429,\n        2.42857143, 2.57142857, 2.71428571, 2.85714286, 3.        ,\n        3.14285714, 3.28571429]])',
  },
  {
    name: '3-D',
    values: [
      0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0,
      19.0, 20.0, 21.0, 22.0, 23.0,
    ],
    shape: [2, 3, 4],
    dtype: 'float32',
    str: '[[[ 0.  1.  2.  3.]\n  [ 4.  5.  6.  7.]\n  [ 8.  9. 10. 11.]]\n\n [[12. 13. 14. 15.]\n  [16. 17. 18. 19.]\n  [20. 21. 22. 23.]]]',
    repr: 'array([[[ 0.,  1.,  2.,  3.],\n        [ 4.,  5.,  6.,  7.],\n        [ 8.,  9., 10., 11.]],\n\n       [[12., 13., 14., 15.],\n        [16., 17., 18., 19.],\n        [20., 21., 22., 23.]]], dtype=float32)',
  },
  {
    name: '4-D',
    values: [-8.0, -7.0, -6.0, -5.0, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    shape: [2, 2, 2, 2],
    dtype: 'float64',
    str: '[[[[-8. -7.]\n   [-6. -5.]]\n\n  [[-4. -3.]\n   [-2. -1.]]]\n\n\n [[[ 0.  1.]\n   [ 2.  3.]]\n\n  [[ 4.  5.]\n   [ 6.  7.]]]]',
    repr: 'array([[[[-8., -7.],\n         [-6., -5.]],\n\n        [[-4., -3.],\n         [-2., -1.]]],\n\n\n       [[[ 0.,  1.],\n         [ 2.,  3.]],\n\n        [[ 4.,  5.],\n         [ 6.,  7.]]]])',
  },
  {
    name: 'summarised 1-D',
    values: range(2000, (i) => Math.fround(i / 7)),
    shape: [2000],
    dtype: 'float32',
    str: '[0.0000000e+00 1.4285715e-01 2.8571430e-01 ... 2.8528571e+02 2.8542856e+02\n 2.8557144e+02]',
    repr: 'array([0.0000000e+00, 1.4285715e-01, 2.8571430e-01, ..., 2.8528571e+02,\n       2.8542856e+02, 2.8557144e+02], shape=(2000,), dtype=float32)',
  },
  {
    name: 'summarised 2-D',
    values: range(1200, (i) => (i - 600) / 8),
    shape: [40, 30],
    dtype: 'float64',
    str: '[[-75.    -74.875 -74.75  ... -71.625 -71.5   -71.375]\n [-71.25  -71.125 -71.    ... -67.875 -67.75  -67.625]\n [-67.5   -67.375 -67.25  ... -64.125 -64.    -63.875]\n ...\n [ 63.75   63.875  64.    ...  67.125  67.25   67.375]\n [ 67.5    67.625  67.75  ...  70.875  71.     71.125]\n [ 71.25   71.375  71.5   ...  74.625  74.75   74.875]]',
    repr: 'array([[-75.   , -74.875, -74.75 , ..., -71.625, -71.5  , -71.375],\n       [-71.25 , -71.125, -71.   , ..., -67.875, -67.75 , -67.625],\n       [-67.5  , -67.375, -67.25 , ..., -64.125, -64.   , -63.875],\n       ...,\n       [ 63.75 ,  63.875,  64.   , ...,  67.125,  67.25 ,  67.375],\n       [ 67.5  ,  67.625,  67.75 , ...,  70.875,  71.   ,  71.125],\n       [ 71.25 ,  71.375,  71.5  , ...,  74.625,  74.75 ,  74.875]],\n      shape=(40, 30))',
  },
  {
    name: 'summarised 3-D',
    values: range(1331, (i) => i),
    shape: [11, 11, 11],
    dtype: 'float32',
    str: '[[[0.000e+00 1.000e+00 2.000e+00 ... 8.000e+00 9.000e+00 1.000e+01]\n  [1.100e+01 1.200e+01 1.300e+01 ... 1.900e+01 2.000e+01 2.100e+01]\n  [2.200e+01 2.300e+01 2.400e+01 ... 3.000e+01 3.100e+01 3.200e+01]\n  ...\n  [8.800e+01 8.900e+01 9.000e+01 ... 9.600e+01 9.700e+01 9.800e+01]\n  [9.900e+01 1.000e+02 1.010e+02 ... 1.070e+02 1.080e+02 1.090e+02]\n  [1.100e+02 1.110e+02 1.120e+02 ... 1.180e+02 1.190e+02 1.200e+02]]\n\n [[1.210e+02 1.220e+02 1.230e+02 ... 1.290e+02 1.300e+02 1.310e+02]\n  [1.320e+02 1.330e+02 1.340e+02 ... 1.400e+02 1.410e+02 1.420e+02]\n  [1.430e+02 1.440e+02 1.450e+02 ... 1.510e+02 1.520e+02 1.530e+02]\n  ...\n  [2.090e+02 2.100e+02 2.110e+02 ... 2.170e+02 2.180e+02 2.190e+02]\n  [2.200e+02 2.210e+02 2.220e+02 ... 2.280e+02 2.290e+02 2.300e+02]\n  [2.310e+02 2.320e+02 2.330e+02 ... 2.390e+02 2.400e+02 2.410e+02]]\n\n [[2.420e+02 2.430e+02 2.440e+02 ... 2.500e+02 2.510e+02 2.520e+02]\n  [2.530e+02 2.540e+02 2.550e+02 ... 2.610e+02 2.620e+02 2.630e+02]\n  [2.640e+02 2.650e+02 2.660e+02 ... 2.720e+02 2.730e+02 2.740e+02]\n  ...\n  [3.300e+02 3.310e+02 3.320e+02 ... 3.380e+02 3.390e+02 3.400e+02]\n  [3.410e+02 3.420e+02 3.430e+02 ... 3.490e+02 3.500e+02 3.510e+02]\n  [3.520e+02 3.530e+02 3.540e+02 ... 3.600e+02 3.610e+02 3.620e+02]]\n\n ...\n\n [[9.680e+02 9.690e+02 9.700e+02 ... 9.760e+02 9.770e+02 9.780e+02]\n  [9.790e+02 9.800e+02 9.810e+02 ... 9.870e+02 9.880e+02 9.890e+02]\n  [9.900e+02 9.910e+02 9.920e+02 ... 9.980e+02 9.990e+02 1.000e+03]\n  ...\n  [1.056e+03 1.057e+03 1.058e+03 ... 1.064e+03 1.065e+03 1.066e+03]\n  [1.067e+03 1.068e+03 1.069e+03 ... 1.075e+03 1.076e+03 1.077e+03]\n  [1.078e+03 1.079e+03 1.080e+03 ... 1.086e+03 1.087e+03 1.088e+03]]\n\n [[1.089e+03 1.090e+03 1.091e+03 ... 1.097e+03 1.098e+03 1.099e+03]\n  [1.100e+03 1.101e+03 1.102e+03 ... 1.108e+03 1.109e+03 1.110e+03]\n  [1.111e+03 1.112e+03 1.113e+03 ... 1.119e+03 1.120e+03 1.121e+03]\n  ...\n  [1.177e+03 1.178e+03 1.179e+03 ... 1.185e+03 1.186e+03 1.187e+03]\n  [1.188e+03 1.189e+03 1.190e+03 ... 1.196e+03 1.197e+03 1.198e+03]\n  [1.199e+03 1.200e+03 1.201e+03 ... 1.207e+03 1.208e+03 1.209e+03]]\n\n [[1.210e+03 1.211e+03 1.212e+03 ... 1.218e+03 1.219e+03 1.220e+03]\n  [1.221e+03 1.222e+03 1.223e+03 ... 1.229e+03 1.230e+03 1.231e+03]\n  [1.232e+03 1.233e+03 1.234e+03 ... 1.240e+03 1.241e+03 1.242e+03]\n  ...\n  [1.298e+03 1.299e+03 1.300e+03 ... 1.306e+03 1.307e+03 1.308e+03]\n  [1.309e+03 1.310e+03 1.311e+03 ... 1.317e+03 1.318e+03 1.319e+03]\n  [1.320e+03 1.321e+03 1.322e+03 ... 1.328e+03 1.329e+03 1.330e+03]]]',
    repr: 'array([[[0.000e+00, 1.000e+00, 2.000e+00, ..., 8.000e+00, 9.000e+00,\n         1.000e+01],\n        [1.100e+01, 1.200e+01, 1.300e+01, ..., 1.900e+01, 2.000e+01,\n         2.100e+01],\n        [2.200e+01, 2.300e+01, 2.400e+01, ..., 3.000e+01, 3.100e+01,\n         3.200e+01],\n        ...,\n        [8.800e+01, 8.900e+01, 9.000e+01, ..., 9.600e+01, 9.700e+01,\n         9.800e+01],\n        [9.900e+01, 1.000e+02, 1.010e+02, ..., 1.070e+02, 1.080e+02,\n         1.090e+02],\n        [1.100e+02, 1.110e+02, 1.120e+02, ..., 1.180e+02, 1.190e+02,\n         1.200e+02]],\n\n       [[1.210e+02, 1.220e+02, 1.230e+02, ..., 1.290e+02, 1.300e+02,\n         1.310e+02],\n        [1.320e+02, 1.330e+02, 1.340e+02, ..., 1.400e+02, 1.410e+02,\n         1.420e+02],\n        [1.430e+02, 1.440e+02, 1.450e+02, ..., 1.510e+02, 1.520e+02,\n         1.530e+02],\n        ...,\n        [2.090e+02, 2.100e+02, 2.110e+02, ..., 2.170e+02, 2.180e+02,\n         2.190e+02],\n        [2.200e+02, 2.210e+02, 2.220e+02, ..., 2.280e+02, 2.290e+02,\n         2.300e+02],\n        [2.310e+02, 2.320e+02, 2.330e+02, ..., 2.390e+02, 2.400e+02,\n         2.410e+02]],\n\n       [[2.420e+02, 2.430e+02, 2.440e+02, ..., 2.500e+02, 2.510e+02,\n         2.520e+02],\n        [2.530e+02, 2.540e+02, 2.550e+02, ..., 2.610e+02, 2.620e+02,\n         2.630e+02],\n        [2.640e+02, 2.650e+02, 2.660e+02, ..., 2.720e+02, 2.730e+02,\n         2.740e+02],\n        ...,\n        [3.300e+02, 3.310e+02, 3.320e+02, ..., 3.380e+02, 3.390e+02,\n         3.400e+02],\n        [3.410e+02, 3.420e+02, 3.430e+02, ..., 3.490e+02, 3.500e+02,\n         3.510e+02],\n        [3.520e+02, 3.530e+02, 3.540e+02, ..., 3.600e+02, 3.610e+02,\n         3.620e+02]],\n\n       ...,\n\n       [[9.680e+02, 9.690e+02, 9.700e+02, ..., 9.760e+02, 9.770e+02,\n         9.780e+02],\n        [9.790e+02, 9.800e+02, 9.810e+02, ..., 9.870e+02, 9.880e+02,\n         9.890e+02],\n        [9.900e+02, 9.910e+02, 9.920e+02, ..., 9.980e+02, 9.990e+02,\n         1.000e+03],\n        ...,\n        [1.056e+03, 1.057e+03, 1.058e+03, ..., 1.064e+03, 1.065e+03,\n         1.066e+03],\n        [1.067e+03, 1.068e+03, 1.069e+03, ..., 1.075e+03, 1.076e+03,\n         1.077e+03],\n        [1.078e+03, 1.079e+03, 1.080e+03, ..., 1.086e+03, 1.087e+03,\n         1.088e+03]],\n\n       [[1.089e+03, 1.090e+03, 1.091e+03, ..., 1.097e+03, 1.098e+03,\n         1.099e+03],\n        [1.100e+03, 1.101e+03, 1.102e+03, ..., 1.108e+03, 1.109e+03,\n         1.110e+03],\n        [1.111e+03, 1.112e+03, 1.113e+03, ..., 1.119e+03, 1.120e+03,\n         1.121e+03],\n        ...,\n        [1.177e+03, 1.178e+03, 1.179e+03, ..., 1.185e+03, 1.186e+03,\n         1.187e+03],\n        [1.188e+03, 1.189e+03, 1.190e+03, ..., 1.196e+03, 1.197e+03,\n         1.198e+03],\n        [1.199e+03, 1.200e+03, 1.201e+03, ..., 1.207e+03, 1.208e+03,\n         1.209e+03]],\n\n       [[1.210e+03, 1.211e+03, 1.212e+03, ..., 1.218e+03, 1.219e+03,\n         1.220e+03],\n        [1.221e+03, 1.222e+03, 1.223e+03, ..., 1.229e+03, 1.230e+03,\n         1.231e+03],\n        [1.232e+03, 1.233e+03, 1.234e+03, ..., 1.240e+03, 1.241e+03,\n         1.242e+03],\n        ...,\n        [1.298e+03, 1.299e+03, 1.300e+03, ..., 1.306e+03, 1.307e+03,\n         1.308e+03],\n        [1.309e+03, 1.310e+03, 1.311e+03, ..., 1.317e+03, 1.318e+03,\n         1.319e+03],\n        [1.320e+03, 1.321e+03, 1.322e+03, ..., 1.328e+03, 1.329e+03,\n         1.330e+03]]], shape=(11, 11, 11), dtype=float32)',
  },
  {
    name: 'summarised but short axis',
    values: range(1002, (i) => i / 4),
    shape: [2, 501],
    dtype: 'float64',
    str: '[[0.0000e+00 2.5000e-01 5.0000e-01 ... 1.2450e+02 1.2475e+02 1.2500e+02]\n [1.2525e+02 1.2550e+02 1.2575e+02 ... 2.4975e+02 2.5000e+02 2.5025e+02]]',
    repr: 'array([[0.0000e+00, 2.5000e-01, 5.0000e-01, ..., 1.2450e+02, 1.2475e+02,\n        1.2500e+02],\n       [1.2525e+02, 1.2550e+02, 1.2575e+02, ..., 2.4975e+02, 2.5000e+02,\n        2.5025e+02]], shape=(2, 501))',
  },
  {
    name: 'empty (0,)',
    values: [],
    shape: [0],
    dtype: 'float32',
    str: '[]',
    repr: 'array([], dtype=float32)',
  },
  {
    name: 'empty (2,0)',
    values: [],
    shape: [2, 0],
    dtype: 'float64',
    str: '[]',
    repr: 'array([], shape=(2, 0), dtype=float64)',
  },
  {
    name: 'one element',
    values: [0.10000000149011612],
    shape: [1],
    dtype: 'float32',
    str: '[0.1]',
    repr: 'array([0.1], dtype=float32)',
  },
  {
    name: 'ints and halves',
    values: [0.5, -1.0, 2.25, 100.0],
    shape: [4],
    dtype: 'float64',
    str: '[  0.5   -1.     2.25 100.  ]',
    repr: 'array([  0.5 ,  -1.  ,   2.25, 100.  ])',
  },
  {
    name: 'subnormal float32',
    values: [1.401298464324817e-45, 1.0],
    shape: [2],
    dtype: 'float32',
    str: '[1.e-45 1.e+00]',
    repr: 'array([1.e-45, 1.e+00], dtype=float32)',
  },
  {
    name: 'huge float64',
    values: [1.7976931348623157e308, -1e-300],
    shape: [2],
    dtype: 'float64',
    str: '[ 1.79769313e+308 -1.00000000e-300]',
    repr: 'array([ 1.79769313e+308, -1.00000000e-300])',
  },
  {
    name: 'mixed sign sci with nan',
    values: [NaN, -9.999999747378752e-6, 100000.0],
    shape: [3],
    dtype: 'float32',
    str: '[    nan -1.e-05  1.e+05]',
    repr: 'array([    nan, -1.e-05,  1.e+05], dtype=float32)',
  },
  {
    name: '0-d float32',
    values: [0.04742587357759476],
    shape: [],
    dtype: 'float32',
    str: '0.047425874',
    repr: 'array(0.04742587, dtype=float32)',
  },
  {
    name: '0-d float64 sci',
    values: [1e-7],
    shape: [],
    dtype: 'float64',
    str: '1e-07',
    repr: 'array(1.e-07)',
  },
  {
    name: '0-d float32 1e6',
    values: [1000000.0],
    shape: [],
    dtype: 'float32',
    str: '1e+06',
    repr: 'array(1.e+06, dtype=float32)',
  },
  {
    name: '0-d -0.0',
    values: [-0],
    shape: [],
    dtype: 'float32',
    str: '-0.0',
    repr: 'array(-0., dtype=float32)',
  },
  {
    name: 'column vector',
    values: [-0.6666666865348816, -0.3333333432674408, 0.0, 0.3333333432674408, 0.6666666865348816],
    shape: [5, 1],
    dtype: 'float32',
    str: '[[-0.6666667 ]\n [-0.33333334]\n [ 0.        ]\n [ 0.33333334]\n [ 0.6666667 ]]',
    repr: 'array([[-0.6666667 ],\n       [-0.33333334],\n       [ 0.        ],\n       [ 0.33333334],\n       [ 0.6666667 ]], dtype=float32)',
  },
];

suite('numpy str/repr: NumPy 2.4.6 ground truth', () => {
  for (const c of NUMPY_CASES) {
    test(`str: ${c.name}`, () => {
      assert.equal(formatArray(c.values, c.shape, 'numpy', c.dtype), c.str);
    });
    test(`repr: ${c.name}`, () => {
      assert.equal(formatArrayRepr(c.values, c.shape, 'numpy', c.dtype), c.repr);
    });
  }
});

const f32 = (xs: number[]): number[] => xs.map(Math.fround);

suite('numpy str: reference §7.1 table (str column), literally', () => {
  test('x = [−3…3] float32', () => {
    assert.equal(
      formatArray([-3, -2, -1, 0, 1, 2, 3], [7], 'numpy', 'float32'),
      '[-3. -2. -1.  0.  1.  2.  3.]',
    );
  });
  test('relu', () => {
    assert.equal(formatArray([0, 0, 0, 0, 1, 2, 3], [7], 'numpy', 'float32'), '[0. 0. 0. 0. 1. 2. 3.]');
  });
  test('sigmoid wraps at 75 columns with a one-space continuation', () => {
    const v = f32([0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.8807971, 0.95257413]);
    assert.equal(
      formatArray(v, [7], 'numpy', 'float32'),
      '[0.04742587 0.11920292 0.26894143 0.5        0.7310586  0.8807971\n 0.95257413]',
    );
  });
  test('sigmoid repr', () => {
    const v = f32([0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.8807971, 0.95257413]);
    assert.equal(
      formatArrayRepr(v, [7], 'numpy', 'float32'),
      'array([0.04742587, 0.11920292, 0.26894143, 0.5       , 0.7310586 ,\n       0.8807971 , 0.95257413], dtype=float32)',
    );
  });
  test('tanh', () => {
    const v = f32([-0.9950548, -0.9640276, -0.7615942, 0, 0.7615942, 0.9640276, 0.9950548]);
    assert.equal(
      formatArray(v, [7], 'numpy', 'float32'),
      '[-0.9950548 -0.9640276 -0.7615942  0.         0.7615942  0.9640276\n  0.9950548]',
    );
  });
  test('[1e-5, 1, 3]: scientific with a common mantissa and two-digit exponent', () => {
    assert.equal(formatArray([1e-5, 1, 3], [3], 'numpy', 'float64'), '[1.e-05 1.e+00 3.e+00]');
  });
  test('[−0., 0., 1.]', () => {
    assert.equal(formatArray([-0, 0, 1], [3], 'numpy', 'float64'), '[-0.  0.  1.]');
  });
  test('[nan, inf, −inf, 1.5]: non-finite right-aligned', () => {
    assert.equal(
      formatArray([NaN, Infinity, -Infinity, 1.5], [4], 'numpy', 'float64'),
      '[ nan  inf -inf  1.5]',
    );
  });
  test('[1.5, 1500.]: a ratio of exactly 1000 stays positional', () => {
    assert.equal(formatArray([1.5, 1500], [2], 'numpy', 'float64'), '[   1.5 1500. ]');
  });
  test('[1.5, 1501.]: a ratio above 1000 switches to scientific', () => {
    assert.equal(formatArray([1.5, 1501], [2], 'numpy', 'float64'), '[1.500e+00 1.501e+03]');
  });
  test('[999999., 1e6] float32: NumPy ≥ 2.3 cut-off 1e6', () => {
    assert.equal(formatArray([999999, 1e6], [2], 'numpy', 'float32'), '[9.99999e+05 1.00000e+06]');
  });
  test('the same values as float64 stay positional (cut-off 1e8)', () => {
    assert.equal(formatArray([999999, 1e6], [2], 'numpy', 'float64'), '[ 999999. 1000000.]');
  });
});

suite('numpy str: rules not covered by the table', () => {
  test('float32 prints float32 shortest digits, float64 the float64 ones', () => {
    assert.equal(formatArray([0.1, 0.2], [2], 'numpy', 'float32'), '[0.1 0.2]');
    assert.equal(formatArray([Math.fround(0.1)], [1], 'numpy', 'float64'), '[0.1]');
    assert.equal(formatArray([Math.fround(0.1), 1e-3], [2], 'numpy', 'float64'), '[0.1   0.001]');
  });
  test('precision 8 rounds the exact value at 8 decimals (maxprec)', () => {
    // 1/3 in float64 needs 16 decimals: printed with 8.
    assert.equal(formatArray([1 / 3, 2 / 3], [2], 'numpy', 'float64'), '[0.33333333 0.66666667]');
  });
  test('empty arrays print [] whatever the shape', () => {
    assert.equal(formatArray([], [0], 'numpy', 'float32'), '[]');
    assert.equal(formatArray([], [3, 0, 2], 'numpy', 'float64'), '[]');
  });
  test('0-d arrays print like the scalar (full shortest digits)', () => {
    assert.equal(formatArray([Math.fround(0.047425874)], [], 'numpy', 'float32'), '0.047425874');
    assert.equal(formatArray([1], [], 'numpy', 'float32'), '1.0');
    assert.equal(formatArray([0.5], [], 'numpy', 'float32'), '0.5');
  });
  test('rank 3 separates blocks with a blank line, rank 4 with two', () => {
    const s3 = formatArray(
      range(8, (i) => i),
      [2, 2, 2],
      'numpy',
      'float32',
    );
    assert.equal(s3, '[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]');
    const s4 = formatArray(
      range(4, (i) => i),
      [2, 1, 1, 2],
      'numpy',
      'float32',
    );
    assert.equal(s4, '[[[[0. 1.]]]\n\n\n [[[2. 3.]]]]');
  });
  test('every line of a wrapped row fits in 75 columns', () => {
    const s = formatArray(
      range(100, (i) => Math.sin(i)),
      [100],
      'numpy',
      'float64',
    );
    for (const line of s.split('\n')) assert.ok(line.length <= 75, line);
    assert.ok(s.split('\n').length > 10);
  });
  test('print options: threshold and edgeitems', () => {
    assert.equal(
      formatArrayWith(
        range(10, (i) => i),
        [10],
        'numpy',
        'float64',
        { threshold: 5, edgeItems: 2 },
      ),
      '[0. 1. ... 8. 9.]',
    );
    assert.equal(formatArrayWith([1.23456789], [1], 'numpy', 'float64', { precision: 3 }), '[1.235]');
  });
  test('shape/values mismatch throws an Error with both numbers', () => {
    assert.throws(() => formatArray([1, 2, 3], [2, 2], 'numpy'), /\[2, 2\] holds 4 elements but 3 values/);
    assert.throws(() => formatArray([1], [-1], 'numpy'), /non-negative integers/);
  });
});

suite('numpy scalar str (np.float32 / np.float64)', () => {
  const cases: [number, 'float32' | 'float64', string][] = [
    [0.047425874, 'float32', '0.047425874'],
    [1, 'float32', '1.0'],
    [-0, 'float32', '-0.0'],
    [0.1, 'float32', '0.1'],
    [1e-5, 'float32', '1e-05'],
    [1.5e-5, 'float32', '1.5e-05'],
    [0.0001, 'float32', '1e-04'], // float32(1e-4) < 1e-4 in the positional test
    [0.0001, 'float64', '0.0001'],
    [999999, 'float32', '999999.0'],
    [1e6, 'float32', '1e+06'], // NumPy ≥ 2.3: float32 scalars switch at 1e6 too
    [1e6, 'float64', '1000000.0'],
    [1e16, 'float64', '1e+16'],
    [4194302.25, 'float32', '4.1943022e+06'], // tie: Dragon4 rounds to the even digit
    [NaN, 'float32', 'nan'],
    [-Infinity, 'float64', '-inf'],
  ];
  for (const [x, dt, want] of cases) {
    test(`${dt} ${x} → ${want}`, () => {
      assert.equal(numpyScalarStr(dt === 'float32' ? Math.fround(x) : x, dt), want);
      assert.equal(formatScalar(x, 'numpy', dt), want);
    });
  }
  test('numpyStr of a 0-d array equals the scalar str', () => {
    assert.equal(numpyStr([Math.fround(0.1)], [], 'float32'), '0.1');
  });
});
